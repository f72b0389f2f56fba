/** A share of a whole as a percentage to one decimal ("12.5 %"); "—" where there is no whole. */
export const formatShare = (share: number | null): string =>
  share === null ? '—' : `${(share * 100).toFixed(1)} %`;
