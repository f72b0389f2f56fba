// Which view this window shows, from the fragment (`#token=…&view=desk`). Only the desk exists so
// far; wall, map, handover and reports will be added to VIEWS.
export const VIEWS = ['desk'] as const;
export type ViewName = (typeof VIEWS)[number];

export function viewFromHash(hash: string): ViewName {
  const view = new URLSearchParams(hash.replace(/^#/, '')).get('view');
  return (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewName) : 'desk';
}
