import { createApp } from 'vue';
import { createPinia } from 'pinia';
import '@fontsource/noto-sans-devanagari/devanagari-400.css';
import '@fontsource/noto-sans-devanagari/devanagari-600.css';
import '@fontsource/noto-sans-devanagari/latin-400.css';
import '@fontsource/noto-sans-devanagari/latin-600.css';
import './styles.css';
import App from './App.vue';
import { createAppRouter } from './router';
import { createAppI18n, readStoredLocale } from './i18n';

const app = createApp(App);
app.use(createPinia());
app.use(createAppI18n(readStoredLocale(globalThis.localStorage)));
app.use(createAppRouter());
app.mount('#app');
