import { useEffect, useState, type RefObject } from 'react';

/** The element's width in CSS pixels, followed as it resizes, never under `min` (uPlot's canvas). */
export function useWidth(box: RefObject<HTMLElement | null>, min: number): number {
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(min, Math.floor(el.clientWidth))));
    ro.observe(el);
    return () => ro.disconnect();
  }, [box, min]);
  return width;
}
