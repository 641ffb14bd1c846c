package dev.smbq.smb2.auth;

import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERGeneralString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * SPNEGO tokens (RFC 4178, [MS-SPNG]) encoded and decoded with BouncyCastle's ASN.1. The first client token is a
 * NegTokenInit inside the GSS-API InitialContextToken ([APPLICATION 0] with the SPNEGO OID); later tokens are bare
 * NegTokenResp ([1]). Malformed DER is a {@link SmbDecodeException} asking for STATUS_INVALID_PARAMETER.
 */
public final class SpnegoToken {
    public static final String SPNEGO_OID = "1.3.6.1.5.5.2";
    public static final String NTLMSSP_OID = "1.3.6.1.4.1.311.2.2.10";
    /** negState values (RFC 4178 4.2.2). */
    public static final int ACCEPT_COMPLETED = 0;
    public static final int ACCEPT_INCOMPLETE = 1;
    public static final int REJECT = 2;
    public static final int REQUEST_MIC = 3;
    /** The negHints name Windows and Samba put in a server's negTokenInit2 ([MS-SPNG] 2.2.1). */
    private static final String NEG_HINT_NAME = "not_defined_in_RFC4178@please_ignore";

    private SpnegoToken() {
    }

    /**
     * RFC 4178 4.2.1 NegTokenInit.
     *
     * @param mechTypes   the mechanisms, most preferred first (OIDs in dotted form)
     * @param mechToken   the optimistic token of the first mechanism (may be empty)
     * @param mechListMic mechListMIC (may be empty)
     */
    public record NegTokenInit(List<String> mechTypes, Bytes mechToken, Bytes mechListMic) {
        public NegTokenInit {
            mechTypes = List.copyOf(mechTypes);
        }
    }

    /**
     * RFC 4178 4.2.2 NegTokenResp. Absent fields: negState -1, supportedMech empty, tokens empty.
     */
    public record NegTokenResp(int negState, String supportedMech, Bytes responseToken, Bytes mechListMic) {
    }

    /** The DER MechTypeList: what mechListMIC is computed over. */
    public static byte[] mechTypeList(List<String> mechTypes) {
        return der(mechTypesSequence(mechTypes));
    }

    private static DERSequence mechTypesSequence(List<String> mechTypes) {
        ASN1EncodableVector oids = new ASN1EncodableVector();
        mechTypes.forEach(oid -> oids.add(new ASN1ObjectIdentifier(oid)));
        return new DERSequence(oids);
    }

    /** The GSS InitialContextToken carrying a NegTokenInit. */
    public static byte[] encode(NegTokenInit token) {
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(new DERTaggedObject(true, 0, mechTypesSequence(token.mechTypes())));
        if (!token.mechToken().isEmpty()) {
            fields.add(new DERTaggedObject(true, 2, new DEROctetString(token.mechToken().toByteArray())));
        }
        if (!token.mechListMic().isEmpty()) {
            fields.add(new DERTaggedObject(true, 3, new DEROctetString(token.mechListMic().toByteArray())));
        }
        return gssWrap(new DERSequence(fields));
    }

    /**
     * The NegTokenInit2 ([MS-SPNG] 2.2.1) a server offers in its NEGOTIATE response: the mechanisms it accepts and
     * the conventional negHints.
     */
    public static byte[] serverHint(List<String> mechTypes) {
        ASN1EncodableVector hints = new ASN1EncodableVector();
        hints.add(new DERTaggedObject(true, 0, new DERGeneralString(NEG_HINT_NAME)));
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(new DERTaggedObject(true, 0, mechTypesSequence(mechTypes)));
        fields.add(new DERTaggedObject(true, 3, new DERSequence(hints)));
        return gssWrap(new DERSequence(fields));
    }

    private static byte[] gssWrap(DERSequence negTokenInit) {
        ASN1EncodableVector inner = new ASN1EncodableVector();
        inner.add(new ASN1ObjectIdentifier(SPNEGO_OID));
        inner.add(new DERTaggedObject(true, 0, negTokenInit));
        return der(new DERTaggedObject(false, BERTags.APPLICATION, 0, new DERSequence(inner)));
    }

    public static byte[] encode(NegTokenResp token) {
        ASN1EncodableVector fields = new ASN1EncodableVector();
        if (token.negState() >= 0) {
            fields.add(new DERTaggedObject(true, 0, new ASN1Enumerated(token.negState())));
        }
        if (!token.supportedMech().isEmpty()) {
            fields.add(new DERTaggedObject(true, 1, new ASN1ObjectIdentifier(token.supportedMech())));
        }
        if (!token.responseToken().isEmpty()) {
            fields.add(new DERTaggedObject(true, 2, new DEROctetString(token.responseToken().toByteArray())));
        }
        if (!token.mechListMic().isEmpty()) {
            fields.add(new DERTaggedObject(true, 3, new DEROctetString(token.mechListMic().toByteArray())));
        }
        return der(new DERTaggedObject(true, 1, new DERSequence(fields)));
    }

    /** Whether a token is a NegTokenInit (GSS-wrapped, [APPLICATION 0]) rather than a NegTokenResp ([1]). */
    public static boolean isInit(byte[] token) {
        return token.length > 0 && (token[0] & 0xFF) == 0x60;
    }

    public static NegTokenInit decodeInit(byte[] token) {
        try {
            ASN1TaggedObject application = tagged(ASN1Primitive.fromByteArray(token), BERTags.APPLICATION, 0);
            ASN1Sequence inner = (ASN1Sequence) application.getBaseUniversal(false, BERTags.SEQUENCE);
            if (!SPNEGO_OID.equals(ASN1ObjectIdentifier.getInstance(inner.getObjectAt(0)).getId())) {
                throw SmbDecodeException.invalidParameter("GSS token is not SPNEGO");
            }
            ASN1Sequence fields = ASN1Sequence.getInstance(
                    tagged(inner.getObjectAt(1), BERTags.CONTEXT_SPECIFIC, 0).getExplicitBaseObject());
            List<String> mechTypes = new ArrayList<>();
            Bytes mechToken = Bytes.EMPTY;
            Bytes mic = Bytes.EMPTY;
            for (ASN1Encodable field : fields) {
                ASN1TaggedObject tagged = tagged(field, BERTags.CONTEXT_SPECIFIC, -1);
                switch (tagged.getTagNo()) {
                    case 0 -> ASN1Sequence.getInstance(tagged.getExplicitBaseObject())
                            .forEach(oid -> mechTypes.add(ASN1ObjectIdentifier.getInstance(oid).getId()));
                    case 2 -> mechToken = octets(tagged);
                    case 3 -> mic = octets(tagged);
                    default -> { } // reqFlags, and the negHints of NegTokenInit2: not used here
                }
            }
            return new NegTokenInit(mechTypes, mechToken, mic);
        } catch (IOException | RuntimeException e) {
            throw malformed(e);
        }
    }

    public static NegTokenResp decodeResp(byte[] token) {
        try {
            ASN1Sequence fields = ASN1Sequence.getInstance(
                    tagged(ASN1Primitive.fromByteArray(token), BERTags.CONTEXT_SPECIFIC, 1).getExplicitBaseObject());
            int negState = -1;
            String supportedMech = "";
            Bytes responseToken = Bytes.EMPTY;
            Bytes mic = Bytes.EMPTY;
            for (ASN1Encodable field : fields) {
                ASN1TaggedObject tagged = tagged(field, BERTags.CONTEXT_SPECIFIC, -1);
                switch (tagged.getTagNo()) {
                    case 0 -> negState = ASN1Enumerated.getInstance(tagged.getExplicitBaseObject()).intValueExact();
                    case 1 -> supportedMech = ASN1ObjectIdentifier.getInstance(tagged.getExplicitBaseObject()).getId();
                    case 2 -> responseToken = octets(tagged);
                    case 3 -> mic = octets(tagged);
                    default -> { }
                }
            }
            return new NegTokenResp(negState, supportedMech, responseToken, mic);
        } catch (IOException | RuntimeException e) {
            throw malformed(e);
        }
    }

    private static SmbDecodeException malformed(Exception e) {
        if (e instanceof SmbDecodeException decode) {
            return decode;
        }
        return SmbDecodeException.invalidParameter("malformed SPNEGO token: " + e.getMessage());
    }

    private static ASN1TaggedObject tagged(ASN1Encodable object, int tagClass, int tagNo) {
        ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(object);
        if (tagged.getTagClass() != tagClass || (tagNo >= 0 && tagged.getTagNo() != tagNo)) {
            throw SmbDecodeException.invalidParameter("unexpected ASN.1 tag in SPNEGO token");
        }
        return tagged;
    }

    private static Bytes octets(ASN1TaggedObject tagged) {
        return Bytes.wrap(ASN1OctetString.getInstance(tagged.getExplicitBaseObject()).getOctets());
    }

    private static byte[] der(ASN1Encodable object) {
        try {
            return object.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding into memory cannot fail", e);
        }
    }
}
