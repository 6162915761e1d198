package dev.tradecraft.sigma.value;

/**
 * One value of a Sigma detection item after YAML loading and modifiers: what an event's field is
 * compared with. Escaping and encodings are solved when the value is built, so matchers never see
 * Sigma syntax.
 */
public sealed interface SigmaValue
        permits StringPattern, RegexValue, CidrValue, NumberValue, BooleanValue, NullValue, ExistsValue, CompareValue, TimePartValue, FieldRefValue
{
}
