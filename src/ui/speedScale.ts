import { MAX_SPEED, MIN_SPEED } from '../store/limits';

/** The speed slider is logarithmic: its 0..1000 positions span MIN_SPEED..MAX_SPEED evenly in log. */
export const SLIDER_MAX = 1000;
const RATIO = Math.log(MAX_SPEED / MIN_SPEED);

export function sliderToSpeed(v: number): number {
  return MIN_SPEED * Math.exp((RATIO * v) / SLIDER_MAX);
}

export function speedToSlider(speed: number): number {
  return Math.round((SLIDER_MAX * Math.log(speed / MIN_SPEED)) / RATIO);
}
