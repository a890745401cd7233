// Specific capacitance of a flat electrode, used to turn Cdl into an ECSA when
// the protocol states none. Source: C. C. L. McCrory, S. Jung, J. C. Peters,
// T. F. Jaramillo, J. Am. Chem. Soc. 2013, 135, 16977–16987: 0.035 mF/cm² in
// H2SO4, 0.040 mF/cm² in NaOH/KOH (typical values of the metals they list).
export const SPECIFIC_CAPACITANCE_MF_PER_CM2 = { acid: 0.035, alkaline: 0.04 } as const;
export const SPECIFIC_CAPACITANCE_SOURCE = 'McCrory et al., J. Am. Chem. Soc. 2013, 135, 16977';
