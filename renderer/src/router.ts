import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import PendingPage from './components/PendingPage.vue';
import NotFoundView from './views/NotFoundView.vue';

/** Navigation entries of the shell, in menu order. `navKey` is the i18n key under `nav.`. */
export interface NavEntry {
  name: string;
  path: string;
  navKey: 'dashboard' | 'mitans' | 'outreach' | 'complaints' | 'reports' | 'sync' | 'settings';
  /** Keyboard shortcut Alt+<key> */
  accessKey: string;
}

export const NAV: NavEntry[] = [
  { name: 'dashboard', path: '/dashboard', navKey: 'dashboard', accessKey: '1' },
  { name: 'mitans', path: '/mitans', navKey: 'mitans', accessKey: '2' },
  { name: 'outreach', path: '/outreach', navKey: 'outreach', accessKey: '3' },
  { name: 'complaints', path: '/complaints', navKey: 'complaints', accessKey: '4' },
  { name: 'reports', path: '/reports', navKey: 'reports', accessKey: '5' },
  { name: 'sync', path: '/sync', navKey: 'sync', accessKey: '6' },
  { name: 'settings', path: '/settings', navKey: 'settings', accessKey: '7' },
];

/** Pages whose capability has not landed yet, with the issue that brings it. */
const PENDING_ISSUE: Record<string, string> = {
  dashboard: '#8',
  mitans: '#4',
  outreach: '#5',
  complaints: '#6',
  reports: '#7, #8',
  sync: '#9',
  settings: '#3',
};

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/dashboard' },
  ...NAV.map((n) => ({
    path: n.path,
    name: n.name,
    component: PendingPage,
    props: { navKey: n.navKey, issue: PENDING_ISSUE[n.name] },
  })),
  { path: '/:rest(.*)*', name: 'not-found', component: NotFoundView },
];

export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
