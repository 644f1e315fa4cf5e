/**
 * Exact money: an amount in integer minor units with its ISO 4217 currency (IQD has three
 * decimals, EUR two). Never a floating-point number. Shared by every feature that counts money.
 */
package org.corridor.money;
