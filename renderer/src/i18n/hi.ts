/** Hindi is the default language; en.ts must have exactly the same keys (checked by a unit test). */
export default {
  app: {
    title: 'साइबर मितान — थाना डेस्क',
    short: 'थाना डेस्क',
    language: 'भाषा',
    switchTo: 'English',
    skip: 'मुख्य सामग्री पर जाएँ',
  },
  nav: {
    dashboard: 'डैशबोर्ड',
    mitans: 'मितान पंजी',
    outreach: 'जागरूकता पंजी',
    complaints: 'शिकायत पंजी',
    reports: 'रिपोर्ट',
    sync: 'सिंक',
    settings: 'सेटिंग्स',
  },
  pending: {
    title: 'यह भाग अभी उपलब्ध नहीं है',
    body: '"{page}" का काम अभी पूरा नहीं हुआ है। यह आने वाले संस्करण में जुड़ेगा। तब तक बाकी पंजियाँ सामान्य रूप से काम करती हैं।',
    issue: 'संबंधित कार्य: {issue}',
  },
  errors: {
    generic: 'कुछ गलत हो गया: {message}',
    notFound: 'यह पृष्ठ नहीं मिला।',
  },
  footer: {
    offline: 'ऑफ़लाइन — सारा काम इसी कंप्यूटर पर सुरक्षित है',
    online: 'ऑनलाइन',
  },
};
