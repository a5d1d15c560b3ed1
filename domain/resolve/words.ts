// The words that qualify an organization's name without changing who it is: legal forms, places, and
// the words a subsidiary or a department adds to its group's name. All written as key words (lower
// case, punctuation made spaces: "S.A. de C.V." is "s a de c v").

/** Legal-form endings, removed from the end of a key, repeatedly (longest first where one ends another). */
export const LEGAL_ENDINGS = [
  'inc', 'incorporated', 'ltd', 'limited', 'co', 'corp', 'corporation', 'company', 'gmbh', 'ag', 'sa', 's a', 'spa',
  's p a', 'oy', 'oyj', 'asa', 'as', 'a s', 'aps', 'bv', 'b v', 'nv', 'n v', 'plc', 'pvt', 'private', 'llc', 'llp', 'lp',
  'kk', 'k k', 'ab', 'ab publ', 'publ', 'sas', 's a s', 'sarl', 's a r l', 'sau', 's a u', 'pte', 'pty', 'srl', 's r l',
  'sro', 's r o', 'kg', 'co kg', 'and co kg', 'and co', 'kgaa', 'ohg', 'e v', 'ltda', 'sl', 's l', 'slu', 'se',
  'de c v', 'de cv', 'sapi', 's a p i', 'sp z o o', 'sp zoo', 'sp z oo', 'z o o', 'eood', 'ood', 'kft', 'zrt', 'd o o',
  'doo', 'sprl', 'bhd', 'sdn bhd', 'jsc', 'pjsc', 'a o', 'ao', 'oao', 'zao', 'ooo', 'tbk', 'ulc', 'gk', 'yk',
  's p z o o', 'spolka akcyjna', 'sgps', 'lda', 'aktiebolag', 'gesellschaft m b h', 'ges m b h', 'gesmbh', 'sa nv',
  'nv sa',
];

/** Country-like words that qualify a national branch (`QUALCOMM Europe Inc. - Italy`, `LG Electronics Polska`). */
export const QUALIFIER_WORDS = [
  'europe', 'asia', 'asia pacific', 'apac', 'benelux', 'nordic', 'nordics', 'emea', 'americas', 'america',
  'north america', 'latin america', 'middle east', 'africa', 'usa', 'us', 'u s', 'uk', 'u k', 'great britain',
  'britain', 'england', 'scotland', 'korea', 'south korea', 'taiwan', 'russia', 'vietnam', 'czech', 'holland',
  'deutschland', 'polska', 'espana', 'italia', 'suomi', 'sverige', 'danmark', 'norge', 'nederland',
  'schweiz', 'osterreich', 'magyarorszag', 'int', 'intl', 'international', 'branch', 'branch office', 'china mainland',
  'prc', 'hk', 'roc', 'eu',
];

/**
 * Cities, provinces and regions written in the names of subsidiaries and branches (`MediaTek (Chengdu)
 * Inc.`, `Nanjing Ericsson Panda`, `Beijing Xiaomi Mobile Software`, `Samsung R&D Institute Bangalore`).
 * Mainly where 3GPP's members have their subsidiaries: China, Taiwan, Korea, Japan, India, and the
 * research towns of Europe and North America.
 */
export const CITY_WORDS = [
  // China
  'beijing', 'shanghai', 'shenzhen', 'guangzhou', 'chengdu', 'nanjing', 'hangzhou', 'wuhan', 'xian', 'xi an',
  'chongqing', 'tianjin', 'suzhou', 'hefei', 'dongguan', 'guangdong', 'jiangsu', 'zhejiang', 'sichuan', 'hubei',
  'hunan', 'shandong', 'fujian', 'xiamen', 'fuzhou', 'qingdao', 'jinan', 'shenyang', 'dalian', 'harbin', 'changsha',
  'zhuhai', 'foshan', 'huizhou', 'kunming', 'nanning', 'taiyuan', 'zhengzhou', 'ningbo', 'wuxi', 'changzhou',
  'guizhou', 'guiyang', 'hebei', 'henan', 'anhui', 'jiangxi', 'nanchang', 'shaanxi', 'shanxi', 'liaoning', 'jilin',
  'changchun', 'yunnan', 'guangxi', 'hainan', 'haikou', 'lanzhou', 'urumqi', 'hong kong', 'macau', 'macao',
  'pudong', 'zhongguancun', 'haidian',
  // Taiwan
  'taipei', 'hsinchu', 'taichung', 'tainan', 'kaohsiung', 'taoyuan',
  // Korea, Japan
  'seoul', 'suwon', 'daejeon', 'pangyo', 'seongnam', 'incheon', 'busan', 'tokyo', 'yokohama', 'yokosuka',
  'osaka', 'kyoto', 'kawasaki', 'nagoya', 'kobe', 'fukuoka', 'sendai',
  // India, South-East Asia
  'bangalore', 'bengaluru', 'chennai', 'hyderabad', 'noida', 'gurgaon', 'gurugram', 'pune', 'mumbai', 'delhi',
  'new delhi', 'kolkata', 'ahmedabad', 'singapore', 'kuala lumpur', 'bangkok', 'hanoi', 'ho chi minh', 'jakarta',
  'manila',
  // Europe, North America, Israel
  'munich', 'muenchen', 'munchen', 'stuttgart', 'berlin', 'dusseldorf', 'duesseldorf', 'nuremberg', 'nuernberg',
  'dresden', 'frankfurt', 'hamburg', 'ulm', 'paris', 'sophia antipolis', 'nozay', 'rennes', 'lannion', 'grenoble',
  'kista', 'stockholm', 'lund', 'linkoping', 'gothenburg', 'espoo', 'oulu', 'tampere', 'helsinki', 'aalborg',
  'copenhagen', 'oslo', 'trondheim', 'reading', 'bristol', 'staines', 'slough', 'guildford', 'london', 'dublin',
  'cork', 'athlone', 'budapest', 'wroclaw', 'krakow', 'warsaw', 'bucharest', 'madrid', 'barcelona', 'milan',
  'milano', 'turin', 'torino', 'rome', 'roma', 'vienna', 'wien', 'zurich', 'geneva', 'brussels', 'antwerp',
  'eindhoven', 'amsterdam', 'san diego', 'santa clara', 'san jose', 'sunnyvale', 'cupertino', 'mountain view',
  'palo alto', 'dallas', 'plano', 'austin', 'chicago', 'boston', 'ottawa', 'waterloo', 'montreal', 'toronto',
  'vancouver', 'tel aviv', 'haifa', 'herzliya', 'petah tikva',
];

/**
 * Words a subsidiary, a division or a department adds to its group's name: `Samsung R&D Institute`,
 * `Xiaomi Mobile Software`, `OPPO Precision Elec.`, `Panasonic R&D Center`. A name that is a known
 * organization followed only by such words (and places) belongs to that organization.
 */
export const UNIT_WORDS = [
  'r', 'd', 'and', 'rd', 'rnd', 'research', 'res', 'development', 'dev', 'center', 'centre', 'ctr', 'institute',
  'institut', 'inst', 'lab', 'labs', 'laboratory', 'laboratories', 'technology', 'technologies', 'tech', 'techn',
  'techno', 'technical', 'telecom', 'telecoms', 'telecommunication', 'telecommunications', 'communication',
  'communications', 'comm', 'comms', 'com', 'mobile', 'mobility', 'wireless', 'device', 'devices', 'electronics',
  'electronic', 'elec', 'electric', 'software', 'system', 'systems', 'solution', 'solutions', 'network', 'networks',
  'semiconductor', 'semiconductors', 'microelectronics', 'global', 'group', 'holding', 'holdings', 'corporate',
  'headquarters', 'hq', 'service', 'services', 'digital', 'information', 'info', 'infotech', 'cloud', 'innovation',
  'innovations', 'automotive', 'engineering', 'design', 'products', 'industries', 'industry', 'industrial',
  'enterprise', 'enterprises', 'equipment', 'precision', 'science', 'sciences', 'office', 'division', 'unit',
  'the', 'of', 'for', 'in', 'europe', 'european', 'asia', 'pacific', 'trading', 'sales', 'operations', 'intelligent',
  'ind', 'rf', 'rffe', 'online', 'computing', 'computer', 'licensing', 'city', 'labo', 'phone', 'phones', 'handset', 'handsets',
  'terminal', 'terminals', 'radio',
];

/** Key words that never start an organization's name on their own: a name is not read as truncated from them. */
export const STOP_WORDS = new Set(['the', 'of', 'and', 'for', 'in', 'de', 'la', 'le', 'der', 'die', 'du']);
