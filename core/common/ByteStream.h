// Little-endian binary writing and bounds-checked reading with varints, for edit records and the journal.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstring>

namespace delineate {

class ByteWriter
{
public:
    void u8(uint8_t v) { m_bytes.append(char(v)); }
    void u32(uint32_t v) { raw(&v, 4); }
    void u64(uint64_t v) { raw(&v, 8); }
    void i64(int64_t v) { raw(&v, 8); }
    void f64(double v) { raw(&v, 8); }
    void varint(uint64_t v)
    {
        while (v >= 0x80) {
            m_bytes.append(char(uint8_t(v) | 0x80));
            v >>= 7;
        }
        m_bytes.append(char(uint8_t(v)));
    }
    void bytes(const QByteArray& b)
    {
        varint(uint64_t(b.size()));
        m_bytes.append(b);
    }
    void string(const QString& s) { bytes(s.toUtf8()); }
    void raw(const void* data, std::size_t size) { m_bytes.append(static_cast<const char*>(data), qsizetype(size)); }

    const QByteArray& data() const { return m_bytes; }
    QByteArray take() { return std::move(m_bytes); }
    void reserve(qsizetype size) { m_bytes.reserve(size); }

private:
    QByteArray m_bytes;
};

// Every read checks the remaining length; after a failed read ok() is false and further reads return zero.
class ByteReader
{
public:
    explicit ByteReader(const QByteArray& bytes) : m_data(bytes.constData()), m_size(std::size_t(bytes.size())) {}
    ByteReader(const char* data, std::size_t size) : m_data(data), m_size(size) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_position >= m_size; }
    std::size_t remaining() const { return m_ok ? m_size - m_position : 0; }

    uint8_t u8()
    {
        uint8_t v = 0;
        raw(&v, 1);
        return v;
    }
    uint32_t u32()
    {
        uint32_t v = 0;
        raw(&v, 4);
        return v;
    }
    uint64_t u64()
    {
        uint64_t v = 0;
        raw(&v, 8);
        return v;
    }
    int64_t i64()
    {
        int64_t v = 0;
        raw(&v, 8);
        return v;
    }
    double f64()
    {
        double v = 0;
        raw(&v, 8);
        return v;
    }
    uint64_t varint()
    {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!m_ok || m_position >= m_size) {
                m_ok = false;
                return 0;
            }
            const uint8_t b = uint8_t(m_data[m_position++]);
            v |= uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        m_ok = false;
        return 0;
    }
    QByteArray bytes()
    {
        const uint64_t size = varint();
        if (!m_ok || size > m_size - m_position) {
            m_ok = false;
            return {};
        }
        QByteArray b(m_data + m_position, qsizetype(size));
        m_position += std::size_t(size);
        return b;
    }
    QString string() { return QString::fromUtf8(bytes()); }
    void raw(void* out, std::size_t size)
    {
        if (!m_ok || size > m_size - m_position) {
            m_ok = false;
            std::memset(out, 0, size);
            return;
        }
        std::memcpy(out, m_data + m_position, size);
        m_position += size;
    }

private:
    const char* m_data;
    std::size_t m_size;
    std::size_t m_position = 0;
    bool m_ok = true;
};

} // namespace delineate
