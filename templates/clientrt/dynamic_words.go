package clientrt

// The word lists of the dynamic variables. They are small on purpose:
// values need the shape of Postman's, not its vocabulary.

// dynamicLists are the dynamic variables whose value is one element of a
// list.
var dynamicLists = map[string][]string{
	"$randomLocale":                {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "be", "uk", "sv", "fi", "ja", "zh", "ko", "tr", "cs"},
	"$randomDirectoryPath":         directoryPaths,
	"$randomCity":                  {"Springfield", "Riverside", "Franklin", "Greenville", "Fairview", "Madison", "Clinton", "Georgetown", "Salem", "Ashland"},
	"$randomStreetName":            streetNames,
	"$randomCountry":               {"Belarus", "Poland", "Lithuania", "Latvia", "Germany", "France", "Canada", "Japan", "Brazil", "Kenya", "Norway", "Chile"},
	"$randomCountryCode":           countryCodes,
	"$randomColor":                 colorNames,
	"$randomDepartment":            {"Books", "Electronics", "Garden", "Grocery", "Health", "Home", "Kids", "Music", "Outdoors", "Sports", "Tools", "Toys"},
	"$randomProductAdjective":      productAdjectives,
	"$randomProductMaterial":       productMaterials,
	"$randomProduct":               products,
	"$randomCompanySuffix":         companySuffixes,
	"$randomCatchPhraseAdjective":  catchPhraseAdjectives,
	"$randomCatchPhraseDescriptor": catchPhraseDescriptors,
	"$randomCatchPhraseNoun":       catchPhraseNouns,
	"$randomBsAdjective":           bsAdjectives,
	"$randomBsBuzz":                bsBuzzwords,
	"$randomBsNoun":                bsNouns,
	"$randomDatabaseColumn":        {"id", "title", "name", "email", "password", "token", "group", "category", "status", "comment", "createdAt", "updatedAt"},
	"$randomDatabaseType":          {"int", "varchar", "text", "date", "datetime", "timestamp", "tinyint", "bigint", "decimal", "double", "boolean", "point"},
	"$randomDatabaseCollation":     {"utf8_unicode_ci", "utf8_general_ci", "utf8_bin", "ascii_bin", "ascii_general_ci", "cp1250_bin", "cp1250_general_ci"},
	"$randomDatabaseEngine":        {"InnoDB", "MyISAM", "MEMORY", "CSV", "BLACKHOLE", "ARCHIVE"},
	"$randomBankAccountName":       {"Checking Account", "Savings Account", "Money Market Account", "Investment Account", "Credit Card Account", "Home Loan Account", "Personal Loan Account", "Auto Loan Account"},
	"$randomTransactionType":       {"deposit", "withdrawal", "payment", "invoice"},
	"$randomAbbreviation":          hackerAbbreviations,
	"$randomAdjective":             hackerAdjectives,
	"$randomNoun":                  hackerNouns,
	"$randomVerb":                  hackerVerbs,
	"$randomIngverb":               {"backing up", "bypassing", "hacking", "overriding", "compressing", "copying", "navigating", "indexing", "connecting", "generating", "quantifying", "calculating", "synthesizing", "transmitting", "programming", "parsing"},
	"$randomProtocol":              protocols,
	"$randomDomainSuffix":          {"com", "net", "org", "info", "biz", "name", "io"},
	"$randomDomainWord":            {"alpha", "bravo", "delta", "harbor", "maple", "orbit", "pixel", "quartz", "summit", "willow"},
	"$randomUserAgent": {
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
		"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
		"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
		"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
	},
	"$randomLoremWord":      loremWords,
	"$randomFirstName":      firstNames,
	"$randomLastName":       lastNames,
	"$randomNamePrefix":     {"Mr.", "Mrs.", "Ms.", "Miss", "Dr."},
	"$randomNameSuffix":     {"Jr.", "Sr.", "I", "II", "III", "IV", "V", "MD", "DDS", "PhD", "DVM"},
	"$randomJobDescriptor":  jobDescriptors,
	"$randomJobArea":        jobAreas,
	"$randomJobType":        jobTypes,
	"$randomMimeType":       {"application/json", "application/pdf", "application/zip", "application/xml", "audio/mpeg", "image/png", "image/jpeg", "image/gif", "text/plain", "text/html", "text/csv", "video/mp4"},
	"$randomCommonFileType": {"video", "audio", "image", "text", "application"},
	"$randomCommonFileExt":  commonFileExtensions,
	"$randomFileType":       {"application", "audio", "chemical", "font", "image", "message", "model", "text", "video", "x-conference"},
	"$randomFileExt":        fileExtensions,
}

var (
	directoryPaths         = []string{"/usr/local/bin", "/usr/share", "/var/log", "/var/lib", "/etc", "/opt", "/home/user", "/tmp", "/srv", "/root", "/Library", "/Applications"}
	streetNames            = []string{"Main Street", "Oak Avenue", "Pine Road", "Maple Lane", "Cedar Court", "Elm Drive", "Lake View", "Hill Crossing", "Park Place", "River Way"}
	countryCodes           = []string{"BY", "PL", "LT", "LV", "DE", "FR", "GB", "NL", "SE", "FI", "NO", "ES", "IT", "CZ"}
	colorNames             = []string{"red", "orange", "yellow", "green", "blue", "indigo", "violet", "black", "white", "grey", "teal", "maroon", "olive", "silver"}
	productAdjectives      = []string{"Small", "Ergonomic", "Rustic", "Intelligent", "Gorgeous", "Incredible", "Practical", "Sleek", "Handmade", "Generic", "Licensed", "Refined"}
	productMaterials       = []string{"Steel", "Wooden", "Concrete", "Plastic", "Cotton", "Granite", "Rubber", "Metal", "Soft", "Fresh", "Frozen"}
	products               = []string{"Chair", "Car", "Computer", "Keyboard", "Mouse", "Bike", "Ball", "Gloves", "Pants", "Shirt", "Table", "Shoes", "Hat", "Towels", "Soap", "Cheese"}
	companySuffixes        = []string{"Inc", "and Sons", "LLC", "Group"}
	catchPhraseAdjectives  = []string{"Adaptive", "Automated", "Balanced", "Centralized", "Cross-platform", "Distributed", "Ergonomic", "Integrated", "Multi-layered", "Optimized", "Robust", "Upgradable"}
	catchPhraseDescriptors = []string{"24/7", "asymmetric", "bottom-line", "context-sensitive", "dynamic", "fresh-thinking", "hybrid", "mission-critical", "real-time", "well-modulated"}
	catchPhraseNouns       = []string{"ability", "algorithm", "architecture", "capability", "database", "framework", "hierarchy", "implementation", "initiative", "interface", "middleware", "paradigm"}
	bsAdjectives           = []string{"clicks-and-mortar", "efficient", "end-to-end", "global", "innovative", "killer", "scalable", "seamless", "strategic", "viral"}
	bsBuzzwords            = []string{"aggregate", "deliver", "enable", "engage", "facilitate", "incubate", "leverage", "optimize", "streamline", "utilize"}
	bsNouns                = []string{"synergies", "web-readiness", "paradigms", "markets", "partnerships", "e-business", "channels", "interfaces", "platforms", "solutions"}
	hackerAbbreviations    = []string{"ADP", "AGP", "AI", "API", "CSS", "EXE", "FTP", "GB", "HDD", "HTTP", "JSON", "PCI", "RAM", "SAS", "SCSI", "SMTP", "SQL", "SSL", "TCP", "USB", "XML"}
	hackerAdjectives       = []string{"auxiliary", "primary", "back-end", "digital", "open-source", "virtual", "cross-platform", "redundant", "online", "haptic", "multi-byte", "bluetooth", "wireless", "neural", "optical", "solid state", "mobile"}
	hackerNouns            = []string{"driver", "protocol", "bandwidth", "panel", "microchip", "program", "port", "card", "array", "interface", "system", "sensor", "firewall", "hard drive", "pixel", "alarm", "feed", "monitor", "application", "transmitter", "bus", "circuit", "capacitor", "matrix"}
	hackerVerbs            = []string{"back up", "bypass", "hack", "override", "compress", "copy", "navigate", "index", "connect", "generate", "quantify", "calculate", "synthesize", "input", "transmit", "program", "reboot", "parse"}
	protocols              = []string{"http", "https"}
	loremWords             = []string{"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipisci", "velit", "sed", "quia", "non", "numquam", "eius", "modi", "tempora", "incidunt", "ut", "labore", "et", "dolore", "magnam", "aliquam", "quaerat", "voluptatem"}
	dictionaryWords        = []string{"account", "bandwidth", "circuit", "copper", "delta", "engine", "forward", "granite", "harbor", "invoice", "journey", "kiosk", "lantern", "matrix", "neural", "orbit", "pixel", "quartz", "river", "summit", "transit", "unity", "vector", "willow"}
	firstNames             = []string{"Anna", "Ivan", "Olga", "Pavel", "Maria", "John", "Emma", "Liam", "Sofia", "Lucas", "Mia", "Noah", "Ava", "Ethan", "Zoe", "Mark"}
	lastNames              = []string{"Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green"}
	jobDescriptors         = []string{"Lead", "Senior", "Direct", "Corporate", "Dynamic", "Future", "Product", "National", "Regional", "District", "Central", "Global", "Customer", "Investor", "Internal", "Chief"}
	jobAreas               = []string{"Solutions", "Program", "Brand", "Security", "Research", "Marketing", "Directives", "Implementation", "Integration", "Functionality", "Response", "Paradigm", "Tactics", "Identity", "Markets", "Quality"}
	jobTypes               = []string{"Supervisor", "Associate", "Executive", "Liaison", "Officer", "Manager", "Engineer", "Specialist", "Director", "Coordinator", "Administrator", "Architect", "Analyst", "Designer", "Planner", "Orchestrator"}
	commonFileExtensions   = []string{"pdf", "mpeg", "wav", "png", "jpeg", "gif", "mp4", "mp2", "m1v", "html", "txt", "doc"}
	fileExtensions         = []string{"json", "xml", "csv", "yaml", "zip", "gz", "tar", "bin", "exe", "iso", "ogg", "webm", "svg", "ics", "vcf", "rtf"}
)

// currency is an ISO 4217 currency with its symbol.
type currency struct {
	code, name, symbol string
}

var currencies = []currency{
	{"BYN", "Belarusian Ruble", "Br"},
	{"EUR", "Euro", "€"},
	{"USD", "US Dollar", "$"},
	{"GBP", "Pound Sterling", "£"},
	{"JPY", "Yen", "¥"},
	{"PLN", "Zloty", "zł"},
	{"CHF", "Swiss Franc", "CHF"},
	{"INR", "Indian Rupee", "₹"},
	{"UAH", "Hryvnia", "₴"},
	{"KZT", "Tenge", "₸"},
}
