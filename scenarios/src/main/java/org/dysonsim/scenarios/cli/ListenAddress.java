package org.dysonsim.scenarios.cli;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.dysonsim.scenarios.config.TerminalText;

/**
 * Checks a {@code --host} or {@code --cluster-host} value before anything is created: remoting
 * both listens on it and announces it, so it must name an address of this machine.
 */
final class ListenAddress {
    private ListenAddress() {}

    /** @throws BadInputException naming {@code option} when {@code host} is no address of this machine */
    static void check(String option, String host) {
        String shown = TerminalText.quoted(host);
        if (host.isBlank() || !host.matches("[A-Za-z0-9.:\\-\\[\\]%_]+")) {
            throw new BadInputException(option + ": " + shown + " is not a host name or IP address");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BadInputException(option + ": cannot resolve " + shown);
        }
        if (address.isAnyLocalAddress()) {
            throw new BadInputException(option + ": " + shown + " listens everywhere but cannot be reached at;"
                    + " name one address of this machine");
        }
        try {
            if (address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null) return;
        } catch (SocketException e) {
            throw new BadInputException(option + ": cannot list this machine's addresses: " + e.getMessage());
        }
        throw new BadInputException(option + ": " + shown + " (" + address.getHostAddress()
                + ") is not an address of this machine");
    }
}
