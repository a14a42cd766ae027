package org.stdsearch.corpus;

import java.util.List;

/** International documents (ISO/IEC, IEC, ITU-T, RFC-style) of the catalogue, all in English. */
final class InternationalStandards {

    private InternationalStandards() {}

    static final List<String> SPECS = List.of("""
            id ISO/IEC 27599:2013
            format sts
            en Information technology — Security techniques — Guidelines for security event logging
            dates 2013-09-15
            ics 35.040
            fields cit.sec
            tc Joint Technical Committee ISO/IEC JTC 1, Information technology, Subcommittee SC 27, IT Security techniques
            scope This document gives guidelines for planning, generating, collecting, protecting and analysing security event logs. It is applicable to all types of organizations that operate information systems.
            term security event log | chronological record of events relevant to information security
            term log source | system, device or application that produces log records
            term log retention period | time during which log records remain accessible before deletion or archiving
            # 4 Log planning
            The organization should identify the event types to be logged, the log sources and the retention period. Log planning should follow from the information security risk assessment.
            # 5 Generating and collecting logs
            Each log record should contain at least a timestamp, the event type, the subject, the object, the outcome and the log source identifier. Clocks should be synchronized to a trusted time source.
            # 6 Protecting logs
            Logs should be protected against unauthorized modification and deletion. Centrally stored logs may be protected by chaining hash values over consecutive log blocks.
            # 7 Analysing logs
            Logs should be reviewed regularly to detect anomalies; the results feed incident response.
            @ A informative Typical log sources
            This annex lists events that operating systems, databases, network devices and application servers should log.
            """, """
            id ISO/IEC 27599:2022
            format sts
            en Information security, cybersecurity and privacy protection — Guidelines for security event logging
            dates 2022-05-10
            ics 35.030
            replaces ISO/IEC 27599:2013
            fields cit.sec
            tc Joint Technical Committee ISO/IEC JTC 1, Information technology, Subcommittee SC 27, Information security, cybersecurity and privacy protection
            refs ISO/IEC 27000:2018; RFC 8259
            scope This document gives guidelines for planning, generating, collecting, protecting, analysing and disposing of security event logs, including logs of cloud services and privacy-relevant processing. It is applicable to all types and sizes of organizations.
            change the scope has been extended to cloud services and to the disposal of logs
            change a structured log record format has been added (Clause 5)
            change guidance on privacy in logging has been added (Clause 8)
            term security event log | chronological record of events relevant to information security, cybersecurity or privacy
            term log source | system, service, device or application that produces log records
            term log disposal | irreversible removal of log records at the end of their retention period
            term pseudonymization | processing of personal data in such a way that it can no longer be attributed to a data subject without additional information kept separately
            # 4 Log planning
            The organization should maintain an inventory of log sources, including cloud services operated by third parties, and agree with each cloud service provider which logs are made available and for how long.
            # 5 Log record format
            Log records should be structured. A record in JSON (RFC 8259) with the fields time, source, event, subject, object, outcome and previous_hash is recommended.
            Timestamps should use UTC with at least millisecond resolution.
            # 6 Protecting logs
            Integrity of stored logs should be protected by hash chaining; the head of each chain should be signed or anchored in a separate system at least hourly.
            # 7 Analysing logs
            Automated correlation should be used where log volumes exceed what can be reviewed manually. Detection rules should be versioned and tested.
            # 8 Privacy in logging
            Personal data in logs should be minimized. Identifiers of natural persons should be pseudonymized where the purpose of the log allows it, and logs containing personal data should be disposed of at the end of the retention period.
            @ A informative Example log record
            A record for a failed administrator login contains the time, the host name, the event code 301, the user name in pseudonymized form and the outcome "failure".
            """, """
            id ISO/IEC 42915:2025
            format sts
            en Information technology — Artificial intelligence — Transparency of generative AI systems
            dates 2025-03-20
            ics 35.020
            fields cit.ai.gen
            tc Joint Technical Committee ISO/IEC JTC 1, Information technology, Subcommittee SC 42, Artificial intelligence
            refs ISO/IEC 22989:2022; ISO/IEC 23894:2023
            scope This document specifies transparency information that providers of generative AI systems make available to deployers and end users, including model documentation, training data summaries and the labelling of generated content.
            term generative AI | AI system that produces text, images, audio, video or code in response to inputs
            term model card | structured document that describes the intended use, performance and limitations of a model
            term content label | explicit or implicit marker indicating that content was generated by an AI system
            term training data summary | description of the sources, time range and processing of the data used to train a model
            # 4 Transparency principles
            Transparency information should be accurate, understandable by its intended audience and kept up to date when the system changes. Information that could enable misuse may be withheld if the omission is stated.
            # 5 Model documentation
            The provider should publish a model card covering intended uses, out-of-scope uses, evaluation results, known limitations and the date of the last update. Evaluation results should state the datasets and metrics used.
            # 6 Training data summary
            The training data summary should describe data sources by category, the collection period, filtering applied to remove unlawful or low-quality content, and whether personal data was included.
            # 7 Labelling generated content
            # 7.1 Explicit labels
            Generated images and videos presented to end users should carry a visible label. Generated text in conversational interfaces should be identified as such at the start of the interaction.
            # 7.2 Implicit labels
            Generated files should carry machine-readable provenance metadata identifying the generating system and the time of generation. Watermarks should survive common transformations such as compression and cropping.
            @ A informative Model card template
            The template has sections for model details, intended use, factors, metrics, evaluation data, training data, ethical considerations and caveats.
            """, """
            id IEC 63901:2024
            format pdf
            en Industrial automation — Digital twin — Asset information model
            dates 2024-04-18
            ics 25.040.40; 35.240.50
            fields id.sm
            refs IEC 62443-3-3:2013; RFC 8259
            scope This document specifies an information model for describing industrial assets in digital twins, covering identification, structure, properties, operations and the exchange of asset information between engineering and operation tools.
            term asset | physical or logical object owned by or under the custodianship of an organization, having value to it
            term digital twin | digital representation of an asset, synchronized with it at a specified frequency and fidelity
            term submodel | part of an asset information model that describes one aspect of the asset, such as its technical data or its maintenance history
            # 4 Model structure
            An asset information model consists of a header with the globally unique asset identifier and a set of submodels. Each submodel has an identifier, a semantic reference and a list of elements.
            # 5 Elements
            Elements are properties, ranges, files, operations and references. A property has a value type, a unit from a recognised unit catalogue and, where applicable, a timestamp of the last update.
            # 6 Exchange formats
            Asset information models are exchanged as JSON (RFC 8259) or as packaged archives containing the model and referenced files. Receivers shall ignore unknown elements rather than reject the model.
            # 7 Security
            Access to submodels shall be controlled per submodel. Where the digital twin can trigger operations on the physical asset, the zones and conduits of IEC 62443-3-3:2013 apply.
            @ A normative Serialization of identifiers
            Asset identifiers are serialized as URIs; the scheme part shall identify the issuing organization.
            """, """
            id ITU-T Y.2599 (2023)
            format docx
            en Computing power network – Framework and architecture
            dates 2023-09-13
            ics 33.040; 35.110
            fields di.cp.cn di.net
            tc ITU-T Study Group 13 (2022-2024)
            refs ITU-T Y.3172 (2019)
            scope This Recommendation describes the framework of a computing power network (CPN), which jointly schedules computing resources in data centres and edge sites and network resources connecting them. It specifies the functional architecture, reference points and requirements for computing power advertisement and scheduling.
            term computing power network | network that discovers, allocates and connects distributed computing resources in response to service requests
            term computing power node | site or device that offers computing resources to the CPN
            term service request | request from an application for computing resources with stated performance, latency and cost constraints
            # 4 Abbreviations and acronyms
            This Recommendation uses the following abbreviations: CPN Computing Power Network; CPO Computing Power Orchestrator; SLA Service Level Agreement.
            # 5 Framework
            The CPN framework has a resource layer, a control layer and a service layer. The resource layer comprises computing power nodes and the transport network; the control layer collects resource status and computes placement; the service layer exposes the CPN to applications.
            # 6 Functional architecture
            The computing power orchestrator receives service requests, selects one or more computing power nodes and instructs the network controller to establish paths meeting the latency constraint. Machine learning may be used for placement decisions as described in ITU-T Y.3172.
            # 7 Requirements
            The CPN is required to refresh computing power status at least every 30 s. It is recommended that the CPN support pricing information in advertisements so that applications can trade cost against latency.
            @ A informative Use case: AI inference at the edge
            A video analytics application requests GPU inference within 20 ms of the camera site; the orchestrator places it on an edge node and reserves a path with guaranteed bandwidth.
            """, """
            id ITU-T X.1799 (2022)
            format html
            meta
            en Security framework for key management in quantum key distribution networks
            dates 2022-10-29
            ics 33.040.40; 35.030
            fields cit.qi cit.sec
            tc ITU-T Study Group 17 (2022-2024)
            refs ITU-T X.509 (2019)
            scope This Recommendation provides a security framework for key management in quantum key distribution (QKD) networks, covering key relay between trusted nodes, key supply to cryptographic applications and the authentication of QKD nodes.
            term key manager | entity in a QKD node that stores keys produced by QKD modules and supplies them to applications
            term trusted node | QKD node that relays keys hop by hop and is therefore trusted to handle keys in the clear
            term key relay | transport of a key across several QKD links by successive one-time-pad encryption with link keys
            # 4 Security threats
            Threats to key management include compromise of a trusted node, impersonation of a key manager, replay of key supply requests and denial of service on the classical channel.
            # 5 Security requirements
            Key managers are required to authenticate each other, for example with certificates conforming to ITU-T X.509. Keys are required to be deleted from a trusted node immediately after relay.
            # 6 Key supply to applications
            Applications request keys with a key identifier and length. The key manager is required to deliver the same key to both endpoints and to log every key delivery.
            """, """
            id ITU-T F.7989 (2022)
            format html
            en Accessibility requirements for public digital service kiosks
            dates 2022-03-16
            ics 35.240.99
            fields ps.access
            tc ITU-T Study Group 16 (2022-2024)
            scope This Recommendation specifies accessibility requirements for self-service kiosks used in public services such as hospitals, transport hubs and government service halls, so that older persons and persons with disabilities can use them independently.
            term kiosk | stationary self-service terminal that offers a public digital service through a touch screen or other input devices
            term assistive mode | operating mode of a kiosk that enlarges content, adds speech output and simplifies the task flow
            # 4 Physical accessibility
            The operable parts of a kiosk are required to be reachable from a seated position, between 0.7 m and 1.2 m above the floor. A tactile keypad is required in addition to the touch screen.
            # 5 Interaction
            Kiosks are required to offer an assistive mode with speech output and an audio jack or wireless audio. Time limits are required to be adjustable or removable.
            # 6 Content
            Instructions are required to use plain language. Icons are required to be accompanied by text labels.
            """, """
            id RFC 12001
            format txt
            en IPv6-Only Campus Network Operations Guidelines
            dates 2025-03-01
            ics 33.040.40
            fields cit.ni
            refs RFC 2119; RFC 8174; RFC 8200
            scope This memo gives operational guidance for running university and enterprise campus networks without IPv4 on the access segments. It covers address planning, first-hop services, access to IPv4-only destinations and troubleshooting.
            term IPv6-only segment | a network segment on which hosts are provisioned with IPv6 addresses only
            term NAT64 | a translator that lets IPv6-only hosts reach IPv4-only servers by synthesizing IPv6 addresses
            # 1 Introduction
            Many campus networks still run IPv4 alongside IPv6 on every segment. Running dual stack doubles the work of address management, filtering and troubleshooting. This memo describes how operators can remove IPv4 from access segments while keeping access to IPv4-only services.
            # 1.1 Requirements Language
            The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD", "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED", "MAY", and "OPTIONAL" in this document are to be interpreted as described in BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all capitals, as shown here.
            # 2 Terminology
            This document uses the following terms.
            # 3 Address Planning
            Each access segment SHOULD receive a /64 prefix from a per-building /56. Prefixes SHOULD encode the building and the segment purpose so that logs can be read without a lookup table.
            # 4 First-Hop Services
            Routers MUST send Router Advertisements with the PREF64 option so that hosts can perform local address synthesis. DHCPv6 MAY be used for stateless configuration of DNS servers.
            # 5 Reaching IPv4-Only Destinations
            Operators SHOULD deploy NAT64 with DNS64 at the campus edge. Hosts that need literal IPv4 addresses SHOULD use a local translator.
            # 6 Troubleshooting
            Helpdesk tooling MUST accept IPv6 addresses as input. Packet captures on access segments become simpler because only one address family is present.
            # 7 Security Considerations
            Removing IPv4 removes one attack surface but does not reduce the need for first-hop security such as RA Guard; IPv6 extension headers are processed as specified in [RFC8200].
            # 8 IANA Considerations
            This document has no IANA actions.
            """, """
            id RFC 12002
            format txt
            en Signed Manifests for Public Data Catalogues
            dates 2026-02-01
            ics 35.240.01
            type recommended
            fields dr.pub cit.sec
            refs RFC 2119; RFC 8174; RFC 8259
            scope This document defines a signed manifest format for public data catalogues. A manifest lists the datasets a publisher offers, with a digest of each file, so that consumers and mirrors can verify that the data they hold is what the publisher released.
            term manifest | a JSON document listing datasets, their files and the digest of each file
            term publisher | the public body that releases datasets and signs the manifest
            # 1 Introduction
            Public data portals are mirrored and cached widely. Consumers rarely can tell whether a mirrored file still matches the file the public body released. A signed manifest gives them a cheap way to check.
            # 1.1 Requirements Language
            The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD", "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED", "MAY", and "OPTIONAL" in this document are to be interpreted as described in BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all capitals, as shown here.
            # 2 Terminology
            This document uses the following terms.
            # 3 Manifest Format
            A manifest is a JSON object [RFC8259] with the members "publisher", "issued", "datasets" and "signature". Each dataset entry has an "id", a "title", a "licence" and a list of files with "path", "size" and "sha256".
            # 4 Signing
            The publisher MUST sign the canonical form of the manifest without the "signature" member. Publishers SHOULD rotate signing keys at least every two years and MUST publish retired keys.
            # 5 Verification
            A consumer MUST verify the signature before trusting any digest in the manifest. A mirror SHOULD serve the manifest unchanged alongside the files.
            # 6 Security Considerations
            A manifest proves origin and integrity, not quality or lawfulness of the data. Replay of an old manifest is detected by the "issued" member.
            # 7 IANA Considerations
            This document requests no IANA actions; a media type registration is left for future work.
            """);
}
