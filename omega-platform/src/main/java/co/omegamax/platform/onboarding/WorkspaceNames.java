package co.omegamax.platform.onboarding;

import co.omegamax.platform.spi.InvalidInputException;
import java.util.Locale;
import java.util.Set;

/**
 * Smart defaults for the first workspace (spec §7.1): a name derived from the sign-up e-mail's domain
 * ({@code dana@acme-corp.com} → {@code Acme Corp}), or {@value #PERSONAL} for public mail providers.
 */
public final class WorkspaceNames {
    /** Suggested name when the e-mail domain says nothing about an organisation. */
    public static final String PERSONAL = "Personal";

    private static final Set<String> PUBLIC_MAIL = Set.of("gmail", "googlemail", "outlook", "hotmail", "live", "msn",
            "yahoo", "ymail", "icloud", "me", "mac", "aol", "proton", "protonmail", "pm", "gmx", "web", "mail",
            "yandex", "zoho", "fastmail", "hey", "qq", "163", "126", "tutanota", "posteo", "mailbox");

    private WorkspaceNames() {
    }

    /**
     * @param email the user's e-mail address
     * @return a workspace name from the organisation part of the domain, or {@value #PERSONAL}
     * @throws InvalidInputException if {@code email} is not of the form {@code local@domain.tld}
     */
    public static String fromEmail(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1 || email.indexOf('.', at) < 0) {
            throw new InvalidInputException("email", "must look like name@example.com");
        }
        String[] labels = email.substring(at + 1).toLowerCase(Locale.ROOT).split("\\.");
        int org = labels.length - 2;
        // example.co.uk, example.com.au: the organisation is the label before a short second-level label
        if (labels.length >= 3 && labels[labels.length - 1].length() == 2 && labels[org].length() <= 3) {
            org--;
        }
        String label = org >= 0 ? labels[org] : "";
        if (label.isEmpty() || PUBLIC_MAIL.contains(label)) {
            return PERSONAL;
        }
        StringBuilder name = new StringBuilder();
        for (String word : label.split("[-_]+")) {
            if (!word.isEmpty()) {
                name.append(name.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return name.length() == 0 ? PERSONAL : name.toString();
    }
}
