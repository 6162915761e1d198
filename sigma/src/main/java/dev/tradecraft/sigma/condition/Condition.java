package dev.tradecraft.sigma.condition;

/**
 * A parsed Sigma condition. {@link ConditionParser} produces trees that may hold {@link OneOf} and
 * {@link AllOf} selectors; {@link ConditionResolver#resolve} turns them into a new tree of
 * {@link And}, {@link Or}, {@link Not} and {@link Ref} only.
 */
public sealed interface Condition
        permits And, Or, Not, Ref, OneOf, AllOf
{
}
