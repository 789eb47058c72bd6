// class-transformer keeps its metadata store in a module it does not type at this path.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
