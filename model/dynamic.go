package model

import (
	"slices"
	"strings"
)

// dynamicVariables are the dynamic variables of Postman's runtime
// (postman-collection 4.x, lib/superstring/dynamic-variables.js): a
// reference to one gives a fresh value on each use.
var dynamicVariables = map[string]bool{
	"$guid": true, "$timestamp": true, "$isoTimestamp": true, "$randomInt": true,
	"$randomPhoneNumber": true, "$randomPhoneNumberExt": true, "$randomLocale": true,
	"$randomWords": true, "$randomFilePath": true, "$randomDirectoryPath": true,
	"$randomCity": true, "$randomStreetName": true, "$randomStreetAddress": true,
	"$randomCountry": true, "$randomCountryCode": true, "$randomLatitude": true,
	"$randomLongitude": true, "$randomColor": true, "$randomDepartment": true,
	"$randomProductName": true, "$randomProductAdjective": true,
	"$randomProductMaterial": true, "$randomProduct": true, "$randomCompanyName": true,
	"$randomCompanySuffix": true, "$randomCatchPhrase": true, "$randomBs": true,
	"$randomCatchPhraseAdjective": true, "$randomCatchPhraseDescriptor": true,
	"$randomCatchPhraseNoun": true, "$randomBsAdjective": true, "$randomBsBuzz": true,
	"$randomBsNoun": true, "$randomDatabaseColumn": true, "$randomDatabaseType": true,
	"$randomDatabaseCollation": true, "$randomDatabaseEngine": true,
	"$randomDatePast": true, "$randomDateFuture": true, "$randomDateRecent": true,
	"$randomMonth": true, "$randomWeekday": true, "$randomBankAccount": true,
	"$randomBankAccountName": true, "$randomCreditCardMask": true, "$randomPrice": true,
	"$randomTransactionType": true, "$randomCurrencyCode": true,
	"$randomCurrencyName": true, "$randomCurrencySymbol": true, "$randomBitcoin": true,
	"$randomBankAccountIban": true, "$randomBankAccountBic": true,
	"$randomAbbreviation": true, "$randomAdjective": true, "$randomNoun": true,
	"$randomVerb": true, "$randomIngverb": true, "$randomPhrase": true,
	"$randomAvatarImage": true, "$randomImageUrl": true, "$randomAbstractImage": true,
	"$randomAnimalsImage": true, "$randomBusinessImage": true, "$randomCatsImage": true,
	"$randomCityImage": true, "$randomFoodImage": true, "$randomNightlifeImage": true,
	"$randomFashionImage": true, "$randomPeopleImage": true, "$randomNatureImage": true,
	"$randomSportsImage": true, "$randomTransportImage": true, "$randomImageDataUri": true,
	"$randomEmail": true, "$randomExampleEmail": true, "$randomUserName": true,
	"$randomProtocol": true, "$randomUrl": true, "$randomDomainName": true,
	"$randomDomainSuffix": true, "$randomDomainWord": true, "$randomIP": true,
	"$randomIPV6": true, "$randomUserAgent": true, "$randomHexColor": true,
	"$randomMACAddress": true, "$randomPassword": true, "$randomLoremWord": true,
	"$randomLoremWords": true, "$randomLoremSentence": true, "$randomLoremSlug": true,
	"$randomLoremSentences": true, "$randomLoremParagraph": true,
	"$randomLoremParagraphs": true, "$randomLoremText": true, "$randomLoremLines": true,
	"$randomFirstName": true, "$randomLastName": true, "$randomFullName": true,
	"$randomJobTitle": true, "$randomNamePrefix": true, "$randomNameSuffix": true,
	"$randomJobDescriptor": true, "$randomJobArea": true, "$randomJobType": true,
	"$randomUUID": true, "$randomBoolean": true, "$randomWord": true,
	"$randomAlphaNumeric": true, "$randomFileName": true, "$randomCommonFileName": true,
	"$randomMimeType": true, "$randomCommonFileType": true, "$randomCommonFileExt": true,
	"$randomFileType": true, "$randomFileExt": true, "$randomSemver": true,
}

// IsDynamic reports whether name is a Postman dynamic variable such as
// "$guid", which the client generates instead of looking it up. Other
// names that start with "$" are ordinary variables.
func IsDynamic(name string) bool {
	return strings.HasPrefix(name, "$") && dynamicVariables[name]
}

// DynamicVariables returns the names of Postman's dynamic variables,
// sorted.
func DynamicVariables() []string {
	names := make([]string, 0, len(dynamicVariables))
	for name := range dynamicVariables {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
