// Browser scenarios mount the app's .vue components (vite compiles them); tsc sees them as components.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
