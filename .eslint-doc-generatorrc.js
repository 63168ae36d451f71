/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  ignoreConfig: ['all'],
  ruleDocSectionInclude: ['Options', 'When Not To Use It'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking', 'options'],
  urlConfigs: 'https://github.com/eslint-plugin-async-init/eslint-plugin-async-init#configs',
};

export default config;
