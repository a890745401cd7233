// 10^0 … 10^22: the powers of ten a double holds exactly (10^23 is not), so that
// scaling by one of them is a single correctly rounded multiplication or division.
export const EXACT_POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
