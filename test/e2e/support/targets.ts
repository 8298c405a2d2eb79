// Touch targets measured in the overlay's toolbar, for the phone suites of both browsers: a control's
// box, and the smallest gap between two controls on the same row (the toolbar may wrap to two rows,
// e.g. the reading tools on a phone).

export interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest horizontal gap between two targets on the same row. */
export function smallestGap(boxes: Box[]): number {
  let smallest = Infinity;
  for (const a of boxes) {
    for (const b of boxes) {
      const sameRow = a.y < b.y + b.height && b.y < a.y + a.height;
      if (a !== b && sameRow && b.x >= a.x + a.width - 0.5) smallest = Math.min(smallest, b.x - (a.x + a.width));
    }
  }
  return smallest;
}
