// English strings of the desktop shell's system notification and tray (main process; split from
// en.ts, which spreads them in). They name a flag by case number, risk and district only.
export const enShell = {
  shell: {
    notifyTitle: '{{risk}} risk flag waiting — {{caseNo}}',
    notifyBody: 'District: {{district}}. Not yet acknowledged. Click to open it on the desk.',
    notifyManyTitle: '{{count}} flags waiting for acknowledgement',
    notifyManyBody: 'Click to open the desk.',
    districtUnknown: 'not known',
    trayWaiting: 'Lifeline Console — {{count}} flag(s) waiting for acknowledgement',
    trayQuiet: 'Lifeline Console — nothing waiting',
  },
};
