/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  ignoreConfig: ['all'],
  // `Options` is required of rules with options (and each option named there) by the default
  // `ruleDocSectionOptions`, which also forbids it for rules without options: requiring it here too
  // made a rule without options impossible to document.
  ruleDocSectionInclude: ['When Not To Use It'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking', 'options'],
  urlConfigs: 'https://github.com/eslint-plugin-async-init/eslint-plugin-async-init#configs',
};

export default config;
