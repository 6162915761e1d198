package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkNotBlank;

/**
 * One SharePoint web front-end.
 *
 * @param index position within the organisation, from 0
 * @param name the host folder name, lower case (e.g. {@code sp-wfe01})
 * @param computerName the NetBIOS name as {@code s-computername} shows it
 * @param fqdn the name event logs carry in {@code Computer}
 * @param internalIp its address on the farm network ({@code s-ip})
 * @param siteId the IIS site id ({@code s-sitename} is {@code W3SVC<siteId>})
 * @param machineGuid the eight hex digits that begin every Sysmon GUID on this host
 * @param sysmonPid the Sysmon service process id
 * @param firstRecordId where this host's event record numbers start
 * @param compileFolder the Temporary ASP.NET Files folder of the SharePoint site
 */
record HostProfile(int index, String name, String computerName, String fqdn, String internalIp, long siteId,
        String machineGuid, int sysmonPid, long firstRecordId, String compileFolder)
{
    HostProfile
    {
        checkNotBlank(name, "name");
        checkNotBlank(computerName, "computerName");
        checkNotBlank(fqdn, "fqdn");
        checkNotBlank(internalIp, "internalIp");
        checkNotBlank(machineGuid, "machineGuid");
        checkNotBlank(compileFolder, "compileFolder");
    }
}
