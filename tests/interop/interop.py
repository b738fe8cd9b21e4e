#!/usr/bin/python3
"""Calls a running server with Debian's python3-grpcio: the wire contract checked outside .NET.

Usage: /usr/bin/python3 tests/interop/interop.py 127.0.0.1:PORT
Compiles protos/ with protoc (Debian protobuf-compiler) into a temporary folder, with the google.api HTTP annotations
the protos import (a copy under tests/interop/google/api, from Google's googleapis, Apache-2.0), then:
  1. GenerateOffers with samples/requests/forgot-to-pay.json -> OK, offers with full schedules;
  2. GenerateOffers with samples/requests/bad-request.json -> INVALID_ARGUMENT with a google.rpc.BadRequest detail;
  3. GenerateOffers with bytes that are not a request -> INVALID_ARGUMENT.
Exits 0 when every check holds; prints what failed otherwise.
"""
import os
import subprocess
import sys
import tempfile

import grpc
from google.protobuf import json_format

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
METHOD = "/negociacion.v1.OfferService/GenerateOffers"


def compile_protos(out):
    protos = ["negociacion/v1/common.proto", "negociacion/v1/policy.proto", "negociacion/v1/offer_service.proto"]
    here = os.path.dirname(__file__)
    annotations = ["google/api/http.proto", "google/api/annotations.proto"]
    subprocess.run(["protoc", "-I" + here, "--python_out=" + out] + annotations, check=True)
    subprocess.run(["protoc", "-I" + os.path.join(ROOT, "protos"), "-I" + here, "--python_out=" + out] + protos, check=True)
    subprocess.run(["protoc", "-I" + os.path.dirname(__file__), "--python_out=" + out, "rpc_status.proto"], check=True)
    sys.path.insert(0, out)


def main(address):
    with tempfile.TemporaryDirectory() as out:
        compile_protos(out)
        from negociacion.v1 import offer_service_pb2 as api
        import rpc_status_pb2 as rpc

        def read(name):
            with open(os.path.join(ROOT, "samples", "requests", name), encoding="utf-8") as f:
                return json_format.Parse(f.read(), api.GenerateOffersRequest())

        failures = []
        with grpc.insecure_channel(address) as channel:
            generate = channel.unary_unary(METHOD, request_serializer=api.GenerateOffersRequest.SerializeToString,
                                           response_deserializer=api.GenerateOffersResponse.FromString)
            response = generate(read("forgot-to-pay.json"), timeout=30)
            if response.outcome != api.OUTCOME_OFFERS or not response.offers:
                failures.append("valid request: expected offers, got outcome %d" % response.outcome)
            for offer in response.offers:
                if len(offer.schedule) != offer.installments or not offer.script:
                    failures.append("offer %s: schedule or script missing" % offer.offer_id)
            print("valid request: %d offers, rank 1 %s, %d installments of %d" % (
                len(response.offers), response.offers[0].offer_id, response.offers[0].installments,
                response.offers[0].installment_minor))

            try:
                generate(read("bad-request.json"), timeout=30)
                failures.append("bad request: expected INVALID_ARGUMENT, got OK")
            except grpc.RpcError as error:
                if error.code() != grpc.StatusCode.INVALID_ARGUMENT:
                    failures.append("bad request: expected INVALID_ARGUMENT, got %s" % error.code())
                details = dict(error.trailing_metadata() or ()).get("grpc-status-details-bin")
                status = rpc.Status.FromString(details) if details else rpc.Status()
                violations = []
                for detail in status.details:
                    if detail.type_url.endswith("/google.rpc.BadRequest"):
                        violations += [v.field for v in rpc.BadRequest.FromString(detail.value).field_violations]
                if "inquiry.pay_day.day_of_month" not in violations:
                    failures.append("bad request: BadRequest detail lacks inquiry.pay_day.day_of_month: %s" % violations)
                print("bad request: %s, %d field violations: %s" % (error.code().name, len(violations), ", ".join(violations)))

            raw = channel.unary_unary(METHOD)
            try:
                raw(b"\xff\xff\xff\x01\x02", timeout=30)
                failures.append("garbage bytes: expected INVALID_ARGUMENT, got OK")
            except grpc.RpcError as error:
                if error.code() != grpc.StatusCode.INVALID_ARGUMENT:
                    failures.append("garbage bytes: expected INVALID_ARGUMENT, got %s" % error.code())
                print("garbage bytes: %s: %s" % (error.code().name, error.details()))

        for failure in failures:
            print("FAIL " + failure)
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:5080"))
