import type hi from './hi';

const en: typeof hi = {
  app: {
    title: 'Cyber Mitan — Thana Desk',
    short: 'Thana Desk',
    language: 'Language',
    switchTo: 'हिंदी',
    skip: 'Skip to main content',
  },
  nav: {
    dashboard: 'Dashboard',
    mitans: 'Mitan roster',
    outreach: 'Outreach register',
    complaints: 'Complaint register',
    reports: 'Reports',
    sync: 'Sync',
    settings: 'Settings',
  },
  pending: {
    title: 'This part is not available yet',
    body: 'Work on "{page}" is not finished yet. It will arrive in a coming version. Until then the other registers work as usual.',
    issue: 'Related work: {issue}',
  },
  errors: {
    generic: 'Something went wrong: {message}',
    notFound: 'This page was not found.',
  },
  footer: {
    offline: 'Offline — all work is kept safely on this computer',
    online: 'Online',
  },
};

export default en;
