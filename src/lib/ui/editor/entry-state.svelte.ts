import type { Component } from 'svelte';
import type { EditorProps } from './types';

/**
 * Shared by every <EditorEntry> on the page, without importing the editor itself: once a user opened the
 * editor (and so downloaded it), every mount point shows it.
 */
export const editorUi = $state<{ panel: Component<EditorProps> | null }>({ panel: null });
