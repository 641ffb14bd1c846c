package dev.smbq.smb2.auth;

/**
 * The names a server gives in its NTLM CHALLENGE TargetInfo.
 *
 * @param netbiosDomain   MsvAvNbDomainName (also the TargetName)
 * @param netbiosComputer MsvAvNbComputerName
 * @param dnsDomain       MsvAvDnsDomainName
 * @param dnsComputer     MsvAvDnsComputerName
 */
public record ServerIdentity(String netbiosDomain, String netbiosComputer, String dnsDomain, String dnsComputer) {
    /** A stand-alone server: its domain is its own name. */
    public static ServerIdentity standalone(String hostName) {
        String netbios = hostName.split("\\.", 2)[0].toUpperCase(java.util.Locale.ROOT);
        return new ServerIdentity(netbios, netbios, hostName, hostName);
    }
}
