/** pouchdb ships no types; the suite declares the part it uses (pouchdb-client.test.ts). */
declare module 'pouchdb' {
  const PouchDB: unknown;
  export default PouchDB;
}
