/** Typed Sigma values after escaping and modifiers, and their matchers (wildcards, CIDR, numbers). */
package dev.tradecraft.sigma.value;
