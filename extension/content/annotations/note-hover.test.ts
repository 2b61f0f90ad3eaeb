import { describe, expect, it } from 'vitest';
import { boxAt, tipPlace } from './note-hover.ts';
import { toolbarPlace } from './controller.ts';

describe('boxAt', () => {
  const lines = [
    { left: 10, right: 300, top: 100, bottom: 118 },
    { left: 10, right: 120, top: 118, bottom: 136 },
  ];
  it('finds the line box under the pointer', () => {
    expect(boxAt(lines, 50, 125)).toBe(lines[1]);
    expect(boxAt(lines, 200, 105)).toBe(lines[0]);
  });
  it('finds nothing beside the passage (the end of a short last line included)', () => {
    expect(boxAt(lines, 200, 125)).toBeNull();
    expect(boxAt(lines, 5, 105)).toBeNull();
  });
});

describe('tipPlace', () => {
  it('goes under the passage, kept inside the window', () => {
    expect(tipPlace({ left: 900, top: 100, bottom: 118 }, 1000, 800)).toEqual({ top: 122, left: 700, above: false });
  });
  it('goes above the passage at the bottom of the window', () => {
    expect(tipPlace({ left: 10, top: 760, bottom: 778 }, 1000, 800)).toEqual({ top: 756, left: 10, above: true });
  });
});

describe('toolbarPlace', () => {
  it('follows the selection down and up, off the window too', () => {
    expect(toolbarPlace({ left: 40, top: 200, bottom: 220 }, 1000, 800)).toEqual({ top: 226, left: 40, above: false });
    expect(toolbarPlace({ left: 40, top: -300, bottom: -280 }, 1000, 800)).toEqual({ top: -274, left: 40, above: false });
  });
  it('opens above a selection at the bottom of the window', () => {
    expect(toolbarPlace({ left: 40, top: 760, bottom: 780 }, 1000, 800)).toEqual({ top: 754, left: 40, above: true });
  });
});
