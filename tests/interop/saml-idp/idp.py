#!/usr/bin/python3
"""A SAML 2.0 identity provider for the saml plugin's tests, built on pysaml2 (Debian python3-pysaml2)
signing with xmlsec1: an implementation independent of the registry's.

  idp.py metadata --key K --cert C
      prints the IdP's metadata (entity id, HTTP-Redirect SSO URL, signing certificate).
  idp.py respond --key K --cert C --sp-metadata FILE --request-url URL --user NAME [options]
      parses the AuthnRequest in URL (the registry's redirect), checks it against the SP metadata,
      and prints JSON {"action", "SAMLResponse", "RelayState", "request_id"}: a real signed response.

Options of respond make the answers the tests need: --audience and --destination (answer as if for
another service or address), --in-response-to, --lifetime-minutes (negative: already expired),
--sign response|assertion|both|none, --sha1.
"""
import argparse
import base64
import json
import os
import re
import sys
import tempfile
import urllib.parse

from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server
from saml2 import xmldsig

BASE = "http://idp.invalid"  # never contacted: the browser's part is played by the test
ENTITY_ID = BASE + "/idp"


def config(args, lifetime_minutes=5, sp_metadata=None):
    conf = {
        "entityid": ENTITY_ID,
        "service": {
            "idp": {
                "endpoints": {"single_sign_on_service": [(BASE + "/sso", BINDING_HTTP_REDIRECT)]},
                "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                "policy": {"default": {"lifetime": {"minutes": lifetime_minutes}, "name_form": NAME_FORMAT_URI}},
            }
        },
        "key_file": args.key,
        "cert_file": args.cert,
        "xmlsec_binary": "/usr/bin/xmlsec1",
        "metadata": {"local": [sp_metadata]} if sp_metadata else {},
    }
    idp_config = IdPConfig()
    idp_config.load(conf)
    return idp_config


def metadata(args):
    print(create_metadata_string(None, config(args), valid=None).decode("utf-8"))


def other_service_provider(sp_metadata, entity_id):
    """The same SP metadata under another entity id, so pysaml2 will answer as if to another service."""
    with open(sp_metadata, encoding="utf-8") as f:
        text = re.sub(r'entityID="[^"]*"', 'entityID="%s"' % entity_id, f.read(), count=1)
    other = tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False, encoding="utf-8")
    with other:
        other.write(text)
    return other.name


def respond(args):
    metadata_file = other_service_provider(args.sp_metadata, args.audience) if args.audience else args.sp_metadata
    server = Server(config=config(args, args.lifetime_minutes, metadata_file))
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(args.request_url).query)
    request = server.parse_authn_request(query["SAMLRequest"][0], BINDING_HTTP_REDIRECT).message
    acs = request.assertion_consumer_service_url
    # (pysaml2 7.0's verify_assertion_consumer_service reads metadata entries as objects; they are dicts.)
    sp = args.audience or request.issuer.text
    known = [a["location"] for a in server.metadata.assertion_consumer_service(sp, request.protocol_binding)]
    if request.protocol_binding != BINDING_HTTP_POST or acs not in known:
        sys.exit(f"The AuthnRequest asks for {acs} ({request.protocol_binding}), which the SP metadata does not list: {known}")
    identity = {
        "uid": [args.user],
        "mail": [args.user + "@idp.example"],
        "displayName": [args.user.capitalize() + " Example"],
        "groups": [g for g in args.groups.split(",") if g],
    }
    algorithms = {}
    if args.sha1:
        algorithms = {"sign_alg": xmldsig.SIG_RSA_SHA1, "digest_alg": xmldsig.DIGEST_SHA1}
    else:
        algorithms = {"sign_alg": xmldsig.SIG_RSA_SHA256, "digest_alg": xmldsig.DIGEST_SHA256}
    response = server.create_authn_response(
        identity,
        in_response_to=args.in_response_to or request.id,
        destination=args.destination or acs,
        sp_entity_id=sp,
        name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text="subject-" + args.user),
        sign_response=args.sign in ("response", "both"),
        sign_assertion=args.sign in ("assertion", "both"),
        authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"},
        **algorithms,
    )
    if args.audience:
        os.unlink(metadata_file)
    print(json.dumps({
        "action": acs,
        "SAMLResponse": base64.b64encode(str(response).encode("utf-8")).decode("ascii"),
        "RelayState": query.get("RelayState", [""])[0],
        "request_id": request.id,
    }))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["metadata", "respond"])
    parser.add_argument("--key", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--sp-metadata")
    parser.add_argument("--request-url")
    parser.add_argument("--user", default="dana")
    parser.add_argument("--groups", default="")
    parser.add_argument("--audience")
    parser.add_argument("--destination")
    parser.add_argument("--in-response-to")
    parser.add_argument("--lifetime-minutes", type=int, default=5)
    parser.add_argument("--sign", choices=["response", "assertion", "both", "none"], default="response")
    parser.add_argument("--sha1", action="store_true")
    args = parser.parse_args()
    metadata(args) if args.command == "metadata" else respond(args)


if __name__ == "__main__":
    main()
