/**
 * Whether the user's last input was a key (not a pointer: mouse, finger, pen). The focus the app moves
 * back on closing a panel is for keyboard users; a tap or a click on × must not scroll the page to a
 * list row the user never used.
 */
let keyboard = false;

if (typeof window !== 'undefined') {
  // Capture phase: seen before any handler acts on the event (e.g. Escape closing the panel).
  window.addEventListener('keydown', () => (keyboard = true), { capture: true, passive: true });
  window.addEventListener('pointerdown', () => (keyboard = false), { capture: true, passive: true });
}

export function lastInputWasKeyboard(): boolean {
  return keyboard;
}
