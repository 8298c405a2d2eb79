// A toolbar button drawn as a 16×16 stroked icon, named by its visually hidden label (and its
// title, which also says its key where it has one).
import type { ComponentChildren, JSX } from 'preact';

export function IconButton({
  action,
  label,
  title = label,
  pressed,
  onClick,
  children,
}: {
  /** The automation contract's `data-action`. */
  action: string;
  label: string;
  title?: string;
  /** For toggles: `aria-pressed`. */
  pressed?: boolean;
  onClick: () => void;
  /** The icon's SVG shapes. */
  children: ComponentChildren;
}): JSX.Element {
  return (
    <button type="button" data-action={action} title={title} aria-pressed={pressed === undefined ? undefined : pressed ? 'true' : 'false'} onClick={onClick}>
      <svg viewBox="0 0 16 16" aria-hidden="true">
        {children}
      </svg>
      <span class="qd-visually-hidden">{label}</span>
    </button>
  );
}
