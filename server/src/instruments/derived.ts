// Values derived from imported series: charge by the trapezoidal rule and the
// mean current over the time span.

export function trapezoid(x: Float64Array, y: Float64Array): number {
  let sum = 0;
  for (let i = 1; i < x.length; i++) sum += ((y[i]! + y[i - 1]!) / 2) * (x[i]! - x[i - 1]!);
  return sum;
}

export function chargeAndMeanCurrent(time: Float64Array, current: Float64Array): { chargeC: number; meanCurrentA: number; spanS: number } {
  const chargeC = trapezoid(time, current);
  const spanS = time.length > 1 ? time[time.length - 1]! - time[0]! : 0;
  return { chargeC, meanCurrentA: spanS > 0 ? chargeC / spanS : 0, spanS };
}
