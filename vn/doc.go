// Package vn holds the forms of Vietnamese the bot reads and writes that
// know nothing of the domain: people's names (normalised, folded so that
// a search typed without diacritics matches, greeted by the given name,
// sorted as a Vietnamese list is), phrases matched word by word without
// diacritics, and a reminder schedule said in words (and why one is
// refused, as a message of the catalogs). It imports no other
// package of the module but i18n; the domain and its readers (vnread)
// build on it.
package vn
