import { createClient, type Session, type SupabaseClient } from '@supabase/supabase-js';
import type { Lang } from '../../i18n/define';
import { te } from '../../i18n/editor';
import { identityOf, type EditorIdentity } from './scope';

/**
 * The editor's Supabase Auth session (email one-time code). This module imports supabase-js, so it is
 * only ever reached through a dynamic import() behind the "Đăng nhập biên tập" button: the public page
 * never downloads the auth code. One session per project, shared by every editor component.
 */

export type AuthStep = 'loading' | 'signed_out' | 'code_sent' | 'signed_in';

/** Supabase Auth errors → what an editor can act on (Vietnamese first). */
export function authMessage(
  error: { message?: string; status?: number; code?: string } | null,
  lang: Lang,
): string {
  const m = (error?.message ?? '').toLowerCase();
  const code = error?.code ?? '';
  if (code === 'otp_expired' || m.includes('expired') || m.includes('invalid') || m.includes('token'))
    return te(lang, 'auth.badCode');
  if (m.includes('signups not allowed') || m.includes('user not found') || code === 'otp_disabled')
    return te(lang, 'auth.notEditor');
  if (error?.status === 429 || m.includes('rate') || m.includes('seconds'))
    return te(lang, 'auth.rateLimited');
  if (m.includes('fetch') || m.includes('network')) return te(lang, 'auth.network');
  return te(lang, 'auth.failed', { message: error?.message ?? te(lang, 'auth.unknown') });
}

export class EditorSession {
  readonly client: SupabaseClient;
  session = $state.raw<Session | null>(null);
  step = $state<AuthStep>('loading');
  email = $state('');
  identity = $derived<EditorIdentity | null>(identityOf(this.session?.user));

  constructor(url: string, anonKey: string) {
    this.client = createClient(url, anonKey, {
      auth: {
        persistSession: true,
        autoRefreshToken: true,
        detectSessionInUrl: false,
        storageKey: 'laichau-ntm-editor',
      },
    });
    this.client.auth.onAuthStateChange((_event, session) => {
      this.session = session;
      if (session) this.step = 'signed_in';
      else if (this.step === 'signed_in' || this.step === 'loading') this.step = 'signed_out';
    });
    // A session saved by an earlier visit is reused (still only after the user opened the editor).
    void this.client.auth.getSession().then(({ data }) => {
      this.session = data.session;
      this.step = data.session ? 'signed_in' : 'signed_out';
    });
  }

  /** Sends the one-time code. Never creates accounts: editors are registered by an administrator. */
  async sendCode(email: string, lang: Lang): Promise<string | null> {
    const { error } = await this.client.auth.signInWithOtp({
      email: email.trim(),
      options: { shouldCreateUser: false },
    });
    if (error) return authMessage(error, lang);
    this.email = email.trim();
    this.step = 'code_sent';
    return null;
  }

  async verify(code: string, lang: Lang): Promise<string | null> {
    const { data, error } = await this.client.auth.verifyOtp({
      email: this.email,
      token: code.trim(),
      type: 'email',
    });
    if (error) return authMessage(error, lang);
    this.session = data.session;
    this.step = data.session ? 'signed_in' : 'signed_out';
    return null;
  }

  restart(): void {
    this.step = 'signed_out';
  }

  async signOut(): Promise<void> {
    await this.client.auth.signOut();
    this.session = null;
    this.step = 'signed_out';
  }
}

// A cache of clients, not reactive state.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const sessions = new Map<string, EditorSession>();

export function editorSession(url: string, anonKey: string): EditorSession {
  const key = `${url}\n${anonKey}`;
  let s = sessions.get(key);
  if (!s) {
    s = new EditorSession(url, anonKey);
    sessions.set(key, s);
  }
  return s;
}
