/** Imported for its effect: the strings of the features for opened files join the English UI strings. */
import { addMessages } from '.'
import { enLocal } from './messages-local'

addMessages('en', enLocal)
