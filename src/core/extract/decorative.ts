// Images that decorate rather than report: 1-px spacers, divider lines between sections, thin
// banners. They are not photos of the story and never become figures. Judged by the image's own
// size, its alt text and its file name, never by class names.

/** At or below this many pixels in either dimension an image is a spacer or a line. */
const MAX_DECORATIVE_SIDE = 10;
/** A banner: at least this many times wider than high, and no higher than BANNER_MAX_HEIGHT. */
const BANNER_RATIO = 8;
const BANNER_MAX_HEIGHT = 120;

/** Alt texts that describe a line or a spacer, not a scene ("灰色分隔線", "divider", "spacer"). */
const DECORATIVE_ALT = /^(?:(?:灰色|白色|紅色|红色|黑色|grey|gray|red|white|black)\s*)?(?:分隔線|分隔线|分割線|分割线|橫線|横线|間隔|间隔|line|divider|separator|spacer|rule)$/i;

/** File names of BBC spacer and line graphics (…_grey_line-nc.png, spacer.gif, 1x1.png, transparent.png). */
const DECORATIVE_FILE = /(?:^|[_\-/.])(?:grey[_-]?line|gray[_-]?line|line|divider|separator|spacer|transparent|blank|1x1|pixel)(?:[_\-.][a-z0-9]*)*\.(?:png|gif|jpe?g|svg|webp)$/i;

function dimension(value: string | null): number | undefined {
  if (!value || !/^\d+(?:\.\d+)?$/.test(value.trim())) return undefined;
  return Number(value);
}

export function isDecorativeImage(image: Element): boolean {
  const width = dimension(image.getAttribute('width'));
  const height = dimension(image.getAttribute('height'));
  if ((width !== undefined && width <= MAX_DECORATIVE_SIDE) || (height !== undefined && height <= MAX_DECORATIVE_SIDE)) return true;
  if (width !== undefined && height !== undefined && height <= BANNER_MAX_HEIGHT && width >= height * BANNER_RATIO) return true;
  const alt = (image.getAttribute('alt') ?? '').trim();
  if (alt && DECORATIVE_ALT.test(alt)) return true;
  const file = (image.getAttribute('src') ?? '').split(/[?#]/)[0]?.split('/').pop() ?? '';
  return DECORATIVE_FILE.test(file);
}
