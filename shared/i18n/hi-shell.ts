// Hindi strings of the desktop shell's system notification and tray (see en-shell.ts).
export const hiShell = {
  shell: {
    notifyTitle: '{{risk}} जोखिम फ़्लैग प्रतीक्षा में — {{caseNo}}',
    notifyBody: 'ज़िला: {{district}}। अभी तक स्वीकार नहीं हुआ। डेस्क पर खोलने के लिए क्लिक करें।',
    notifyManyTitle: '{{count}} फ़्लैग स्वीकार होने की प्रतीक्षा में',
    notifyManyBody: 'डेस्क खोलने के लिए क्लिक करें।',
    districtUnknown: 'ज्ञात नहीं',
    trayWaiting: 'लाइफ़लाइन कंसोल — {{count}} फ़्लैग स्वीकार होने की प्रतीक्षा में',
    trayQuiet: 'लाइफ़लाइन कंसोल — कुछ भी प्रतीक्षा में नहीं',
  },
};
