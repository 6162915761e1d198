package dev.tradecraft.server.response;

/** The kinds of response step, in the order a responder takes them. */
public enum Step
{
    /** Update every server to the build that fixes the CVE. */
    PATCH,
    /** Rotate the ASP.NET machine keys and restart IIS on every server of the farm. */
    ROTATE_MACHINE_KEYS,
    /** Delete the webshells found. */
    REMOVE_WEBSHELLS,
    /** Review what happened on the servers since the first exploit. */
    REVIEW_ACTIVITY,
    /** Block the campaign's indicators at the edge. */
    BLOCK_INDICATORS
}
