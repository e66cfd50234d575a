import type { Component } from 'vue';
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import PendingPage from './components/PendingPage.vue';
import NotFoundView from './views/NotFoundView.vue';
import { placeRegister } from './domain/registers/place';

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

/** The district office's navigation (issue #15): a district PC has no thana registers of its own. */
export const DISTRICT_NAV: { name: string; path: string; label: { hi: string; en: string }; accessKey: string }[] = [
  { name: 'district', path: '/district', label: { hi: 'थाना-वार प्रगति', en: 'Thana-wise progress' }, accessKey: '1' },
  { name: 'district-returns', path: '/district-returns', label: { hi: 'जिला प्रतिवेदन', en: 'District returns' }, accessKey: '2' },
  { name: 'sync', path: '/sync', label: { hi: 'हब व समेकित पंजी', en: 'Hub and consolidated registers' }, accessKey: '3' },
  { name: 'audit', path: '/audit', label: { hi: 'लॉग', en: 'Audit log' }, accessKey: '4' },
];

type Page = { component: Component | (() => Promise<Component>); props?: Record<string, unknown> };
export const pending = (navKey: NavEntry['navKey'], issue: string): Page => ({ component: PendingPage, props: { navKey, issue } });

/** One line per page: a capability that lands replaces its `pending(...)` with its view. */
const PAGES: Record<string, Page> = {
  dashboard: { component: () => import('./views/dashboard/DashboardView.vue') },
  mitans: { component: () => import('./views/mitans/MitansView.vue') },
  outreach: { component: () => import('./views/outreach/OutreachView.vue') },
  complaints: { component: () => import('./views/complaints/ComplaintsView.vue') },
  reports: { component: () => import('./views/reports/ReportsView.vue') },
  sync: { component: () => import('./views/sync/SyncView.vue') },
  settings: { component: () => import('./views/settings/SettingsView.vue') },
};

/** Pages outside the side navigation (drill-downs, audit log, places …). */
export const EXTRA_ROUTES: RouteRecordRaw[] = [
  { path: '/audit', name: 'audit', component: () => import('./views/audit/AuditView.vue') },
  { path: '/training', name: 'training', component: () => import('./views/training/TrainingView.vue') },
  { path: '/places', name: 'places', component: () => import('./components/register/RecordsPage.vue'), props: { def: placeRegister } },
  { path: '/mitans/team/:id', name: 'team', component: () => import('./views/mitans/TeamView.vue'), props: true },
  { path: '/mitans/mitan/:id', name: 'mitan', component: () => import('./views/mitans/MitanView.vue'), props: true },
  { path: '/dashboard/team/:id', name: 'dashboard-team', component: () => import('./views/dashboard/TeamActivityView.vue'), props: true },
  { path: '/dashboard/mitan/:id', name: 'dashboard-mitan', component: () => import('./views/dashboard/MitanActivityView.vue'), props: true },
  { path: '/dashboard/place/:id', name: 'dashboard-place', component: () => import('./views/dashboard/PlaceActivityView.vue'), props: true },
  { path: '/district', name: 'district', component: () => import('./views/district/DistrictProgressView.vue') },
  { path: '/district/thana/:code', name: 'district-thana', component: () => import('./views/district/ThanaTeamsView.vue'), props: true },
  { path: '/district/thana/:code/team/:team', name: 'district-team', component: () => import('./views/district/TeamMitansView.vue'), props: true },
  { path: '/district-returns', name: 'district-returns', component: () => import('./views/district/DistrictReturnsView.vue') },
  { path: '/print/:type', name: 'print-preview', component: () => import('./components/print/PrintPreviewPage.vue'), props: true },
];

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/dashboard' },
  ...NAV.map((n) => ({ path: n.path, name: n.name, component: PAGES[n.name]!.component, props: PAGES[n.name]!.props ?? true })),
  ...EXTRA_ROUTES,
  { path: '/:rest(.*)*', name: 'not-found', component: NotFoundView },
];

export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
