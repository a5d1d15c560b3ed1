// i18n-iso-countries with the English names only: its Node entry point loads every language.
import countries from 'i18n-iso-countries/index.js';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(english);

export { countries };
