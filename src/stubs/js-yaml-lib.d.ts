// js-yaml's own CommonJS files, which src/stubs/js-yaml.ts takes one by one, typed as the package types them.
declare module 'js-yaml-lib/loader.js' {
  const loader: { load: typeof import('js-yaml').load }
  export default loader
}
declare module 'js-yaml-lib/exception.js' {
  const YAMLException: typeof import('js-yaml').YAMLException
  export default YAMLException
}
declare module 'js-yaml-lib/schema/core.js' {
  const CORE_SCHEMA: typeof import('js-yaml').CORE_SCHEMA
  export default CORE_SCHEMA
}
