// linkedom's single-file build ships no types of its own: they are the package's.
declare module 'linkedom/worker' {
  export * from 'linkedom';
}
