// The `faraday.*` settings (package.json `contributes.configuration`) and how
// they become analysis options.
import type { AnalysisOptions } from '../analysis/options';
import type { HintCategory } from '../analysis/model';

export interface FaradaySettings {
  /** Default protocol temperature in °C when a file states none. */
  temperature: number;
  /** Nernst slope convention in V per pH; 0 means 2.303 RT/F at the protocol temperature. */
  nernstSlope: number;
  inlayHints: Record<HintCategory, boolean>;
  /** Extra reference electrodes: name and potential vs SHE in V. */
  referenceElectrodes: { name: string; potentialVsSHE: number }[];
}

export const defaultSettings: FaradaySettings = {
  temperature: 25,
  nernstSlope: 0,
  inlayHints: { amounts: true, setpoints: true, results: true, crystal: true, pH: true, calibration: true, plan: true },
  referenceElectrodes: [],
};

export function settingsToOptions(s: FaradaySettings): AnalysisOptions {
  return {
    temperatureK: s.temperature + 273.15,
    nernstSlope: s.nernstSlope > 0 ? s.nernstSlope : undefined,
    extraReferences: s.referenceElectrodes,
  };
}
