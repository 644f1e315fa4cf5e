/**
 * ISO 20022 payment messages: the pacs.008 customer credit transfer that an executed release
 * becomes, validated against its schema, and the account and bank identifiers (IBAN, BIC) it
 * carries. The only package that knows Prowide; XML is read with external entities and DOCTYPEs
 * refused.
 */
package org.corridor.payments;
