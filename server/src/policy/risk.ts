// Risk bands (percentage cut-offs) for judging risk of reoffending (spec/programmes.md).
export interface BandCuts {
  medium: number;
  high: number;
  very_high?: number;
}
export interface RiskPolicy {
  ogrs3_2yr: BandCuts;
}
