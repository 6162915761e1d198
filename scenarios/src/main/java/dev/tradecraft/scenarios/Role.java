package dev.tradecraft.scenarios;

/** What the planner decided an organisation's story is; the truth status follows from it. */
enum Role
{
    COMPROMISED(OrganisationStatus.COMPROMISED),
    /** Vulnerable, but AMSI stops the payload: the POST answers 200 and the webshell never appears. */
    ATTEMPT_BLOCKED(OrganisationStatus.ATTEMPTED),
    /** Patched before the attempt: the POST is refused with 401. */
    ATTEMPT_PATCHED(OrganisationStatus.ATTEMPTED),
    /** The second espionage actor's /_layouts/16/ path does not exist on this farm: 404. */
    ATTEMPT_WRONG_PATH(OrganisationStatus.ATTEMPTED),
    /** Only research exploit checks, refused by a patched server. */
    ATTEMPT_RESEARCH(OrganisationStatus.ATTEMPTED),
    CLEAN_VULNERABLE(OrganisationStatus.CLEAN), CLEAN_PATCHED(OrganisationStatus.CLEAN), CLEAN_END_OF_LIFE(OrganisationStatus.CLEAN);

    private final OrganisationStatus status;

    Role(OrganisationStatus status)
    {
        this.status = status;
    }

    OrganisationStatus status()
    {
        return status;
    }
}
