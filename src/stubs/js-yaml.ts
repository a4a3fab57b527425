/**
 * js-yaml's loader without its dumper (4 kB gzip the parser never runs): the app's bundles read
 * front matter and never write YAML (Fix speakers writes with the `yaml` package, in its own chunk).
 * The package's ESM build wraps all of it in one object, so the bundler cannot drop the dumper;
 * its CommonJS files can be taken one by one. Node loads the whole package as usual.
 */
import exception from 'js-yaml-lib/exception.js'
import loader from 'js-yaml-lib/loader.js'
import core from 'js-yaml-lib/schema/core.js'

export const load = loader.load
export { core as CORE_SCHEMA, exception as YAMLException }
