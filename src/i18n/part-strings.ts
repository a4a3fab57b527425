/** Imported for its effect: the strings of the page's parts join the English UI strings. */
import { addMessages } from '.'
import { enParts } from './messages-parts'

addMessages('en', enParts)
